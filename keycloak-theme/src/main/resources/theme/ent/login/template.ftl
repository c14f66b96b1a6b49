<#--
  ENT: our own layout for every login page of the keycloak.v2 family (login, password update at activation, OTP,
  errors...). The pages call registrationLayout with the sections "header", "show-username", "form",
  "socialProviders" and "info"; this file is the frame around them:
  - the collectivity's name, logo and colours, from realm attributes tenant-manager sets from its branding;
  - the languages as links (no script needed to switch), the current one marked;
  - every action works without JavaScript: "try another way" and "switch organization" are buttons of small forms;
    the scripts kept (password visibility, session checks across tabs) only enhance.
-->
<#import "field.ftl" as field>
<#import "footer.ftl" as loginFooter>

<#-- The user being signed in, with a way to start again as someone else (pages that show the username). -->
<#macro attemptedUsername>
  <#assign label><#if !realm.loginWithEmailAllowed>${msg("username")}<#elseif !realm.registrationEmailAsUsername>${msg("usernameOrEmail")}<#else>${msg("email")}</#if></#assign>
  <@field.group name="kc-attempted-username" label=label>
    <div class="${properties.kcInputGroup} ent-attempted">
      <span class="${properties.kcInputClass} ${properties.kcFormReadOnlyClass}">
        <input id="kc-attempted-username" value="${auth.attemptedUsername}" readonly>
      </span>
      <a id="reset-login" class="${properties.kcButtonSecondaryClass!}" href="${url.loginRestartFlowUrl}">${msg("restartLoginTooltip")}</a>
    </div>
  </@field.group>
</#macro>

<#-- A small form whose only field is a button: Keycloak's alternatives, posted without script. -->
<#macro actionButton id name value label>
  <form id="${id}-form" action="${url.loginAction}" method="post" novalidate="novalidate">
    <button id="${id}" type="submit" name="${name}" value="${value}"
            class="${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!} ${properties.kcMarginTopClass!}">${label}</button>
  </form>
</#macro>

<#macro registrationLayout bodyClass="" displayInfo=false displayMessage=true displayRequiredFields=false>
<#-- tenant-manager checks the colours (#rrggbb, 4.5:1 against white) and the logo URL (https or our own domain);
     they are checked again here so that a hand-edited attribute cannot break out of the style element. -->
<#assign entPrimary = realm.getAttribute("entPrimaryColor")!"">
<#assign entAccent = realm.getAttribute("entAccentColor")!"">
<#assign entLogo = realm.getAttribute("entLogoUrl")!"">
<#assign entName = realm.displayName!realm.name>
<#assign colour = "#[0-9a-fA-F]{6}">
<!DOCTYPE html>
<html lang="${lang}" class="${properties.kcHtmlClass!}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="robots" content="noindex, nofollow">
  <title>${msg("loginTitle", entName)}</title>
  <link rel="icon" href="${url.resourcesPath}/img/favicon.ico">
  <#list (properties.stylesCommon!"")?split(" ")?filter(s -> s?has_content) as style>
  <link rel="stylesheet" href="${url.resourcesCommonPath}/${style}">
  </#list>
  <#list (properties.styles!"")?split(" ")?filter(s -> s?has_content) as style>
  <link rel="stylesheet" href="${url.resourcesPath}/${style}">
  </#list>
  <#if entPrimary?matches(colour) || entAccent?matches(colour)>
  <style>:root{<#if entPrimary?matches(colour)>--ent-primary:${entPrimary};</#if><#if entAccent?matches(colour)>--ent-accent:${entAccent};</#if>}</style>
  </#if>
  <#-- the WebAuthn pages' scripts import this module by name -->
  <script type="importmap">{"imports": {"rfc4648": "${url.resourcesCommonPath}/vendor/rfc4648/rfc4648.js"}}</script>
  <#list scripts![] as script>
  <script src="${script}"></script>
  </#list>
  <script type="module" src="${url.resourcesPath}/js/passwordVisibility.js"></script>
  <script type="module">
    <#outputformat "JavaScript">
    import { startSessionPolling<#if authenticationSession??>, checkAuthSession</#if> } from ${(url.resourcesPath + "/js/authChecker.js")?c};
    startSessionPolling(${url.ssoLoginInOtherTabsUrl?c});
    <#if authenticationSession??>checkAuthSession(${authenticationSession.authSessionIdHash?c});</#if>
    </#outputformat>
  </script>
</head>
<body class="${properties.kcBodyClass!} ${bodyClass}" data-page-id="login-${pageId}">
<div class="${properties.kcLogin!}">
  <div class="${properties.kcLoginContainer!}">
    <header id="kc-header" class="pf-v5-c-login__header ent-brand">
      <#-- the name is written next to the logo, so the logo is decorative (empty alt) -->
      <#if entLogo?matches("https?://[^\\s\"'<>]+") || entLogo?matches("/[^/\\s\"'<>][^\\s\"'<>]*")>
      <img class="ent-logo" src="${entLogo}" alt="">
      </#if>
      <p id="kc-header-wrapper" class="ent-name">${entName}</p>
    </header>
    <main class="${properties.kcLoginMain!}">
      <div class="${properties.kcLoginMainHeader!}">
        <h1 class="${properties.kcLoginMainTitle!}" id="kc-page-title"><#nested "header"></h1>
        <#if realm.internationalizationEnabled && locale.supported?size gt 1>
        <nav class="${properties.kcLoginMainHeaderUtilities!} ent-languages" aria-label="${msg("entLanguages")}">
          <ul>
            <#list locale.supported as l>
            <li><a href="${l.url}" hreflang="${l.languageTag}"<#if l.languageTag == locale.currentLanguageTag> aria-current="true"</#if>>${l.label}</a></li>
            </#list>
          </ul>
        </nav>
        </#if>
      </div>
      <div class="${properties.kcLoginMainBody!}">
        <#if displayRequiredFields>
        <p class="${properties.kcInputHelperTextItemTextClass!}"><span class="${properties.kcInputRequiredClass!}">*</span> ${msg("requiredFields")}</p>
        </#if>
        <#if auth?has_content && auth.showUsername() && !auth.showResetCredentials()>
        <div class="${properties.kcFormClass!} ${properties.kcContentWrapperClass!}">
          <#nested "show-username">
          <@attemptedUsername/>
        </div>
        </#if>
        <#-- app-initiated actions do not get the warnings about completing the action during login -->
        <#if displayMessage && message?has_content && (message.type != 'warning' || !isAppInitiatedAction??)>
        <div class="${properties.kcAlertClass!} pf-m-${(message.type = 'error')?then('danger', message.type)}" role="<#if message.type = 'error'>alert<#else>status</#if>">
          <p class="${properties.kcAlertTitleClass!} kc-feedback-text">${message.summary}</p>
        </div>
        </#if>

        <#nested "form">

        <#if auth?has_content && auth.showTryAnotherWayLink()>
        <@actionButton id="try-another-way" name="tryAnotherWay" value="on" label=msg("doTryAnotherWay")/>
        </#if>
        <#if switchOrganizationEnabled?? && switchOrganizationEnabled>
        <@actionButton id="switch-organization" name="switchOrganization" value="true" label=msg("doSwitchOrganization")/>
        </#if>

        <div class="${properties.kcLoginMainFooter!}">
          <#nested "socialProviders">
          <#if displayInfo>
          <div id="kc-info" class="${properties.kcLoginMainFooterBand!} ${properties.kcFormClass!}">
            <div id="kc-info-wrapper" class="${properties.kcLoginMainFooterBandItem!}"><#nested "info"></div>
          </div>
          </#if>
        </div>
      </div>
      <div class="${properties.kcLoginMainFooter!}"><@loginFooter.content/></div>
    </main>
  </div>
</div>
</body>
</html>
</#macro>
