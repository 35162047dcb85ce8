package org.vigil.infrastructure.database;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The seed data model as encoded in {@code schema/seed-schema.txt} (format described there). */
record SeedSchema(List<String> tables, List<Column> columns, List<Enum> enums, List<ForeignKey> foreignKeys,
        List<Columns> uniques, List<Columns> indexes) {

    record Column(String table, String name, String type, boolean nullable, String defaultValue) {
    }

    record Enum(String table, String column, List<String> values) {
    }

    record ForeignKey(String table, String column, String referencedTable) {
    }

    record Columns(String table, List<String> columns) {
    }

    static SeedSchema load() {
        var tables = new ArrayList<String>();
        var columns = new ArrayList<Column>();
        var enums = new ArrayList<Enum>();
        var foreignKeys = new ArrayList<ForeignKey>();
        var uniques = new ArrayList<Columns>();
        var indexes = new ArrayList<Columns>();
        try (var reader = new BufferedReader(new InputStreamReader(
                SeedSchema.class.getResourceAsStream("/schema/seed-schema.txt"), StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.trim().split("\\s+");
                switch (f[0]) {
                    case "table" -> tables.add(f[1]);
                    case "column" -> columns.add(new Column(f[1], f[2], f[3].replace('_', ' '),
                            f[4].equals("null"), f[5].equals("-") ? null : f[5]));
                    case "enum" -> enums.add(new Enum(f[1], f[2], Arrays.asList(f[3].split(","))));
                    case "fk" -> foreignKeys.add(new ForeignKey(f[1], f[2], f[3]));
                    case "unique" -> uniques.add(new Columns(f[1], Arrays.asList(f[2].split(","))));
                    case "index" -> indexes.add(new Columns(f[1], Arrays.asList(f[2].split(","))));
                    default -> throw new IllegalStateException("Unknown fixture line: " + line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new SeedSchema(tables, columns, enums, foreignKeys, uniques, indexes);
    }
}
