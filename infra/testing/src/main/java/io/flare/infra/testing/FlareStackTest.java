package io.flare.infra.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks an integration test that runs against the real local stack (Kafka, Pinot,
 * PostgreSQL). The stack is started once if it is not already up and healthy,
 * provisioned, and left running for the next test class. Test methods and constructors
 * may take a {@link io.flare.infra.stack.StackProperties} parameter.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Tag("stack")
@ExtendWith(FlareStackExtension.class)
public @interface FlareStackTest {

}
