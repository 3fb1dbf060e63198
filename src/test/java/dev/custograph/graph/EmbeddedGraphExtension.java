package dev.custograph.graph;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/** What {@link EmbeddedGraphTest} does: one store per test class, handed to its methods, checked and closed after. */
final class EmbeddedGraphExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(
            EmbeddedGraphExtension.class);

    /** The store and its folder, deleted with it. */
    private record Store(Path dir, GraphConnection connection) {
        void close() {
            connection.close();
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        Path dir = Files.createTempDirectory("custograph-" + context.getRequiredTestClass().getSimpleName());
        context.getStore(NAMESPACE).put(Store.class, new Store(dir, GraphConnection.open(dir.resolve("data"), null,
                null, null)));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Store store = context.getStore(NAMESPACE).remove(Store.class, Store.class);
        if (store == null) {
            return;
        }
        try {
            if (context.getRequiredTestClass().getAnnotation(EmbeddedGraphTest.class).checkInvariants()) {
                GraphInvariants.assertHold(store.connection().graph());
            }
        } finally {
            store.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == GraphConnection.class || type == Graph.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Store store = context.getStore(NAMESPACE).get(Store.class, Store.class);
        if (store == null) {
            // The class-level store of a nested or per-method context.
            store = context.getParent().map(parent -> parent.getStore(NAMESPACE).get(Store.class, Store.class))
                    .orElseThrow();
        }
        return parameter.getParameter().getType() == Graph.class ? store.connection().graph() : store.connection();
    }
}
