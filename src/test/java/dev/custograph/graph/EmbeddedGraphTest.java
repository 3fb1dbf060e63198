package dev.custograph.graph;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class with its own embedded Neo4j store, opened once before its tests (as the batch commands open one:
 * schema migrated, Bolt on a free localhost port) and closed after them. Methods, {@code @BeforeAll} ones included,
 * take it as a {@link GraphConnection} or {@link Graph} parameter. After the last test the graph model's
 * {@link GraphInvariants} are checked, unless the class builds fixtures that skip them on purpose.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@ExtendWith(EmbeddedGraphExtension.class)
public @interface EmbeddedGraphTest {

    /** Whether to check {@link GraphInvariants} after the last test (off for hand-made fixtures). */
    boolean checkInvariants() default true;
}
