// Response types for the dashboard's queries, generated from the API's own schema (../schema.graphqls) and the
// queries in src/ (the template strings marked /* GraphQL */), so a query and its type cannot drift apart: a field
// renamed or removed in the schema fails `npm run build`. Output: src/generated/graphql.ts (not committed).
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: '../schema.graphqls',
  documents: ['src/**/*.ts', '!src/generated/**'],
  generates: {
    'src/generated/graphql.ts': {
      plugins: ['typescript', 'typescript-operations'],
      config: {
        onlyOperationTypes: true,
        avoidOptionals: true,
        enumsAsTypes: true,
        skipTypename: true,
        scalars: { Date: 'string', JSON: 'unknown' },
      },
    },
  },
};

export default config;
