package fr.ent.platform.runtime.portal;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FormRecoveryTest {

    @Test
    void aFormIsKeptOnlyWhenThePageThatSentItIsOfThisDomain() {
        assertThat(FormRecovery.fromThisSite(request("lyon.ent.fr", "https://lyon.ent.fr"))).isTrue();
        assertThat(FormRecovery.fromThisSite(request("lyon.ent.fr:9080", "http://LYON.ent.fr:9080"))).isTrue();
        assertThat(FormRecovery.fromThisSite(request("lyon.ent.fr", null))).as("no Origin: not a browser's form")
                .isTrue();
        assertThat(FormRecovery.fromThisSite(request("lyon.ent.fr", "https://evil.example"))).isFalse();
        assertThat(FormRecovery.fromThisSite(request("lyon.ent.fr", "https://paris.ent.fr"))).as("another collectivity")
                .isFalse();
        assertThat(FormRecovery.fromThisSite(request("lyon.ent.fr", "null"))).as("opaque origin").isFalse();
        assertThat(FormRecovery.fromThisSite(request("lyon.ent.fr", "http://a b"))).as("not an origin").isFalse();
    }

    /** A request with these Host and Origin headers (the only parts this check reads). */
    private static HttpServletRequest request(String host, String origin) {
        Map<String, String> headers = new HashMap<>();
        headers.put("Host", host);
        headers.put("Origin", origin);
        return (HttpServletRequest) Proxy.newProxyInstance(FormRecoveryTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getHeader")) {
                        return headers.get((String) args[0]);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
