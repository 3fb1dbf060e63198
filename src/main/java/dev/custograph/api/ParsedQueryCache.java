package dev.custograph.api;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;

/**
 * Parsed and validated queries, kept by their text: a widget sends the same few queries over and over with other
 * variables, and parsing and validating each one again cost more than serving a cached answer. Validation depends
 * only on the schema, so an entry stays right for the life of the process. Bounded, least recently used out.
 */
final class ParsedQueryCache implements PreparsedDocumentProvider {

    private final Cache<String, PreparsedDocumentEntry> documents;

    ParsedQueryCache(long maximumSize) {
        documents = Caffeine.newBuilder().maximumSize(maximumSize).build();
    }

    @Override
    public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
                                                                      Function<ExecutionInput, PreparsedDocumentEntry> parse) {
        return CompletableFuture.completedFuture(documents.get(input.getQuery(), query -> parse.apply(input)));
    }
}
