package dev.custograph.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import graphql.language.Description;
import graphql.language.EnumTypeDefinition;
import graphql.language.FieldDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.language.ScalarTypeDefinition;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import org.junit.jupiter.api.Test;

/** schema.graphqls documents itself: every type, field, argument, input field and enum value has a description. */
class SchemaDescriptionsTest {

    @Test
    void everyTypeFieldArgumentAndEnumValueIsDescribed() throws IOException {
        TypeDefinitionRegistry registry = new SchemaParser().parse(Files.readString(Path.of("schema.graphqls")));
        List<String> undescribed = new ArrayList<>();
        registry.types().values().forEach(type -> {
            String name = type.getName();
            if (type instanceof ObjectTypeDefinition object) {
                check(object.getDescription(), name, undescribed);
                for (FieldDefinition field : object.getFieldDefinitions()) {
                    check(field.getDescription(), name + "." + field.getName(), undescribed);
                    for (InputValueDefinition argument : field.getInputValueDefinitions()) {
                        check(argument.getDescription(), name + "." + field.getName() + "(" + argument.getName()
                                + ")", undescribed);
                    }
                }
            } else if (type instanceof InputObjectTypeDefinition input) {
                check(input.getDescription(), name, undescribed);
                input.getInputValueDefinitions().forEach(f -> check(f.getDescription(), name + "." + f.getName(),
                        undescribed));
            } else if (type instanceof EnumTypeDefinition e) {
                check(e.getDescription(), name, undescribed);
                e.getEnumValueDefinitions().forEach(v -> check(v.getDescription(), name + "." + v.getName(),
                        undescribed));
            }
        });
        registry.scalars().values().stream().filter(s -> s.getSourceLocation() != null)
                .forEach((ScalarTypeDefinition s) -> check(s.getDescription(), s.getName(), undescribed));
        assertThat(undescribed).as("schema elements without a description").isEmpty();
    }

    private static void check(Description description, String what, List<String> undescribed) {
        if (description == null || description.getContent().isBlank()) {
            undescribed.add(what);
        }
    }
}
