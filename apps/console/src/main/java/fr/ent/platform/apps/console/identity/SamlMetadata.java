package fr.ent.platform.apps.console.identity;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * An identity provider's SAML 2.0 metadata file, as an administrator uploads it (EduConnect's, the academy's), read
 * down to what the realm needs: the entity id, the single sign-on address (HTTP-Redirect or HTTP-POST binding) and
 * the signing certificate. Pure and strict, so that a wrong file is refused with its reason before anything is sent
 * anywhere: not XML, a DOCTYPE (no entity may be expanded: XXE, billion laughs), no or several identity providers,
 * no https sign-on address, no readable X.509 certificate, more than {@value #MAX_BYTES} bytes.
 */
public record SamlMetadata(String entityId, String ssoUrl, String signingCertificate) {

    public static final int MAX_BYTES = 1_000_000;
    private static final String MD = "urn:oasis:names:tc:SAML:2.0:metadata";
    private static final String DS = "http://www.w3.org/2000/09/xmldsig#";
    private static final List<String> BINDINGS = List.of("urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect",
            "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST");

    /** Why a file is refused: {@code reason} is a key of the console's texts ({@code identity.metadata.*}). */
    public static final class Unreadable extends Exception {

        private static final long serialVersionUID = 1L;
        private final String reason;

        public Unreadable(String reason) {
            super(reason);
            this.reason = reason;
        }

        public String reason() {
            return "identity.metadata." + reason;
        }
    }

    public static SamlMetadata parse(byte[] file) throws Unreadable {
        if (file == null || file.length == 0) {
            throw new Unreadable("empty");
        }
        if (file.length > MAX_BYTES) {
            throw new Unreadable("too-big");
        }
        Document document;
        try {
            document = builder().parse(new ByteArrayInputStream(file));
        } catch (SAXException | IOException e) {
            throw new Unreadable("not-xml");
        }
        List<Element> providers = new ArrayList<>();
        NodeList descriptors = document.getElementsByTagNameNS(MD, "EntityDescriptor");
        for (int i = 0; i < descriptors.getLength(); i++) {
            Element d = (Element) descriptors.item(i);
            if (d.getElementsByTagNameNS(MD, "IDPSSODescriptor").getLength() > 0) {
                providers.add(d);
            }
        }
        if (providers.isEmpty()) {
            throw new Unreadable("no-idp");
        }
        if (providers.size() > 1) {
            throw new Unreadable("several-idps");
        }
        Element provider = providers.get(0);
        String entityId = provider.getAttribute("entityID").strip();
        if (entityId.isEmpty() || entityId.length() > 1024) {
            throw new Unreadable("no-entity-id");
        }
        Element idp = (Element) provider.getElementsByTagNameNS(MD, "IDPSSODescriptor").item(0);
        return new SamlMetadata(entityId, ssoUrl(idp), certificate(idp));
    }

    private static String ssoUrl(Element idp) throws Unreadable {
        NodeList services = idp.getElementsByTagNameNS(MD, "SingleSignOnService");
        for (String binding : BINDINGS) {
            for (int i = 0; i < services.getLength(); i++) {
                Element s = (Element) services.item(i);
                String location = s.getAttribute("Location").strip();
                if (binding.equals(s.getAttribute("Binding")) && location.startsWith("https://")) {
                    return location;
                }
            }
        }
        throw new Unreadable("no-sso");
    }

    private static String certificate(Element idp) throws Unreadable {
        NodeList keys = idp.getElementsByTagNameNS(MD, "KeyDescriptor");
        for (int i = 0; i < keys.getLength(); i++) {
            Element key = (Element) keys.item(i);
            String use = key.getAttribute("use");
            if (!use.isEmpty() && !use.equals("signing")) {
                continue;
            }
            NodeList certificates = key.getElementsByTagNameNS(DS, "X509Certificate");
            if (certificates.getLength() > 0) {
                String text = certificates.item(0).getTextContent().replaceAll("\\s+", "");
                try {
                    CertificateFactory.getInstance("X.509").generateCertificate(
                            new ByteArrayInputStream(Base64.getDecoder().decode(text)));
                    return text;
                } catch (IllegalArgumentException | CertificateException e) {
                    throw new Unreadable("bad-certificate");
                }
            }
        }
        throw new Unreadable("no-certificate");
    }

    private static DocumentBuilder builder() throws Unreadable {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler()); // no "[Fatal Error]" on stderr
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("no secure XML parser", e);
        }
    }
}
