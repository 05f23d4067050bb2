package dev.parley.tck;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Keeps the self-test suites (most of them on deliberately broken doubles, so they fail) from running on their
 * own, e.g. when a {@code -Dtest=} pattern also matches nested classes: they run only when
 * {@link KitReportsBrokenComponentsTest} launches them with the configuration parameter {@value #PARAMETER}.
 */
final class SelfTestOnly implements ExecutionCondition {
    static final String PARAMETER = "parley.tck.self-test";

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return context.getConfigurationParameter(PARAMETER).isPresent()
                ? ConditionEvaluationResult.enabled("launched by KitReportsBrokenComponentsTest")
                : ConditionEvaluationResult.disabled("self-test suite: runs inside KitReportsBrokenComponentsTest");
    }
}
