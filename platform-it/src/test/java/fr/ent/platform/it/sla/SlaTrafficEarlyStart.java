package fr.ent.platform.it.sla;

import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Starts {@link SlaTraffic} when the run begins, if it includes {@link SlaReportIT}, so that the traffic's 5-minute
 * step fills while the other classes run (registered in {@code META-INF/services}). Without it the test still
 * works, starting the traffic itself, only later.
 */
public class SlaTrafficEarlyStart implements TestExecutionListener {

    @Override
    public void testPlanExecutionStarted(TestPlan plan) {
        boolean reportTested = plan.getRoots().stream().flatMap(root -> plan.getDescendants(root).stream())
                .map(TestIdentifier::getSource).flatMap(java.util.Optional::stream)
                .anyMatch(source -> source instanceof ClassSource c && c.getJavaClass() == SlaReportIT.class);
        if (reportTested) {
            SlaTraffic.start();
        }
    }
}
