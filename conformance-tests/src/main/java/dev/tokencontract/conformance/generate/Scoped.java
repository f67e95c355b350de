package dev.tokencontract.conformance.generate;

import tools.jackson.databind.JsonNode;

/** A subschema together with the dynamic scope it is evaluated in. */
record Scoped(JsonNode schema, Scope scope) {}
