package fr.ent.platform.operator.app;

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
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            operator.stop();
            endpoints.close();
            client.close();
        }, "ent-operator-shutdown"));
        LOG.info("ENT operator: tenant-manager {}, endpoints on :{}, leader election {}", settings.tenantManager(),
                endpoints.port(), settings.leaderElection() ? "on (Lease " + OperatorSettings.LEASE_NAME + ")" : "off");
        operator.start();
        Thread.currentThread().join();
    }
}
