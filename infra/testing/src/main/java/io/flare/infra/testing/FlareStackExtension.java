package io.flare.infra.testing;

import io.flare.infra.stack.LocalStack;
import io.flare.infra.stack.StackProperties;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Ensures the local stack is up once per test JVM; resolves {@link StackProperties}
 * parameters.
 */
public final class FlareStackExtension implements BeforeAllCallback, ParameterResolver {

	private static StackProperties started;

	@Override
	public void beforeAll(ExtensionContext context) {
		ensureStarted();
	}

	/** Starts (or reuses) the stack and returns where it listens. */
	public static synchronized StackProperties ensureStarted() {
		if (started == null) {
			StackProperties props = StackProperties.fromEnvironment(StackProperties.locateRoot());
			new LocalStack(props, System.out).ensureInfraUp();
			started = props;
		}
		return started;
	}

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
		return parameter.getParameter().getType() == StackProperties.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
		return ensureStarted();
	}

}
