package fr.ent.platform.operator.admission;

import fr.ent.platform.operator.compliance.PolicySource;
import fr.ent.platform.sovereignty.policy.PolicyConfiguration;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.admission.v1.AdmissionRequest;
import io.fabric8.kubernetes.api.model.admission.v1.AdmissionResponse;
import io.fabric8.kubernetes.api.model.admission.v1.AdmissionReview;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers an {@code admission.k8s.io/v1} AdmissionReview for Collectivity and EntPlatform objects with the
 * {@link ObjectRules} of the current policy: allowed, or refused with HTTP-like code 403 and a message naming each
 * violated rule and its fix (what {@code kubectl apply} prints).
 */
public final class AdmissionReviews {

    private static final Logger LOG = LoggerFactory.getLogger(AdmissionReviews.class);

    private final PolicySource policy;
    private final KubernetesSerialization json = new KubernetesSerialization();

    public AdmissionReviews(PolicySource policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /** The response review (JSON) for a request review (JSON); IllegalArgumentException if it is not one. */
    public String answer(String requestJson) {
        AdmissionReview review;
        try {
            review = json.unmarshal(requestJson, AdmissionReview.class);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not an AdmissionReview: " + e.getMessage(), e);
        }
        AdmissionRequest request = review == null ? null : review.getRequest();
        if (request == null || request.getUid() == null) {
            throw new IllegalArgumentException("AdmissionReview without request.uid");
        }
        AdmissionResponse response = decide(request);
        response.setUid(request.getUid());
        AdmissionReview answer = new AdmissionReview();
        answer.setApiVersion("admission.k8s.io/v1");
        answer.setKind("AdmissionReview");
        answer.setResponse(response);
        return json.asJson(answer);
    }

    private AdmissionResponse decide(AdmissionRequest request) {
        String kind = request.getKind() == null ? null : request.getKind().getKind();
        String group = request.getKind() == null ? null : request.getKind().getGroup();
        if (!ObjectRules.GROUP.equals(group) || request.getObject() == null) {
            // DELETE carries no object; other groups are not ours (the webhook configuration does not send them)
            return allowed();
        }
        GenericKubernetesResource object = json.convertValue(request.getObject(), GenericKubernetesResource.class);
        if (!"UPDATE".equals(request.getOperation()) || specChanged(object, request.getOldObject())) {
            PolicyConfiguration current;
            try {
                current = policy.current();
            } catch (RuntimeException e) {
                // no policy, no decision: refusing is what failurePolicy: Fail would do if we were down
                LOG.warn("admission: policy unreadable: {}", e.getMessage());
                return refused(500, "InternalError", "politique d'hébergement souverain illisible ("
                        + e.getMessage() + ") : l'opérateur ne peut pas valider cet objet.");
            }
            List<Refusal> refusals = ObjectRules.check(kind, object, current);
            if (!refusals.isEmpty()) {
                String message = kind + " " + name(request) + " refusé par la politique d'hébergement souverain : "
                        + refusals.stream().map(Refusal::message).collect(Collectors.joining(" "));
                LOG.info("admission: {}", message);
                return refused(403, "Forbidden", message);
            }
        }
        return allowed();
    }

    /**
     * An update that leaves the spec as it was (finalizer removal, labels, the pause annotation) is always allowed:
     * refusing it because the policy changed since the object was stored would block its deletion and the
     * operator's own bookkeeping; the Compliant condition reports such objects.
     */
    private boolean specChanged(GenericKubernetesResource object, Object oldObject) {
        if (oldObject == null) {
            return true;
        }
        GenericKubernetesResource old = json.convertValue(oldObject, GenericKubernetesResource.class);
        return !Objects.equals(object.get("spec"), old.get("spec"));
    }

    private static String name(AdmissionRequest request) {
        String name = request.getName() == null ? "(nouveau)" : request.getName();
        return request.getNamespace() == null ? name : request.getNamespace() + "/" + name;
    }

    private static AdmissionResponse allowed() {
        AdmissionResponse response = new AdmissionResponse();
        response.setAllowed(true);
        return response;
    }

    private static AdmissionResponse refused(int code, String reason, String message) {
        Status status = new StatusBuilder().withCode(code).withReason(reason).withMessage(message).build();
        AdmissionResponse response = new AdmissionResponse();
        response.setAllowed(false);
        response.setStatus(status);
        return response;
    }
}
