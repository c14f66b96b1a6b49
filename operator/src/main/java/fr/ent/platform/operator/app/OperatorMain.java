package fr.ent.platform.operator.app;

import fr.ent.platform.operator.admission.AdmissionReviews;
import fr.ent.platform.operator.admission.WebhookServer;
import fr.ent.platform.operator.compliance.PolicySource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.javaoperatorsdk.operator.Operator;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the operator: in-cluster (service account) or against the current kubeconfig context. */
public final class OperatorMain {

    private static final Logger LOG = LoggerFactory.getLogger(OperatorMain.class);

    private OperatorMain() {
    }

    public static void main(String[] args) throws Exception {
        OperatorSettings settings = OperatorSettings.fromEnvironment(System.getenv());
        PrometheusMeterRegistry registry = OperatorMetrics.prometheus();
        KubernetesClient client = new KubernetesClientBuilder().build();
        Operator operator = EntOperator.create(client, settings, registry);
        HttpEndpoints endpoints = HttpEndpoints.start(settings.httpPort(), operator, registry);
        WebhookServer webhook = settings.webhook() == null ? null : WebhookServer.start(settings.webhook(),
                new AdmissionReviews(PolicySource.of(settings.compliance().policyFile())));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            operator.stop();
            endpoints.close();
            if (webhook != null) {
                webhook.close();
            }
            client.close();
        }, "ent-operator-shutdown"));
        LOG.info("ENT operator: tenant-manager {}, endpoints on :{}, leader election {}", settings.tenantManager(),
                endpoints.port(), settings.leaderElection() ? "on (Lease " + OperatorSettings.LEASE_NAME + ")" : "off");
        LOG.info("sovereignty: {}, admission webhook {}", settings.compliance() == null
                ? "off (ENT_SOVEREIGNTY_POLICY unset)" : "policy " + settings.compliance().policyFile(),
                webhook == null ? "off (ENT_WEBHOOK_KEYSTORE unset)" : "on :" + webhook.port() + WebhookServer.PATH);
        operator.start();
        Thread.currentThread().join();
    }
}
