package org.vigil.infrastructure.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.vigil.support.VigilIntegrationTest;

/**
 * Reads the live catalog of the migrated database and checks it against every fact of the seed
 * data model: tables, columns, types, nullability, defaults, enum values, foreign keys, unique
 * constraints and indexes. Each check collects all mismatches, so one run shows every gap.
 */
@VigilIntegrationTest
class SchemaConformanceTest {

    private static final SeedSchema SEED = SeedSchema.load();

    @Autowired
    @Qualifier("ownerDataSource")
    DataSource ownerDataSource;

    JdbcTemplate catalog;

    @BeforeEach
    void connect() {
        catalog = new JdbcTemplate(ownerDataSource);
    }

    @Test
    void fixtureCoversTheWholeSeed() {
        assertThat(SEED.tables()).hasSize(15);
        assertThat(SEED.columns()).hasSizeGreaterThan(180);
        assertThat(SEED.uniques()).hasSizeGreaterThanOrEqualTo(9);
    }

    @Test
    void everySeedTableExists() {
        List<String> tables = catalog.queryForList(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'",
                String.class);
        assertThat(tables).containsAll(SEED.tables());
    }

    @Test
    void everySeedColumnHasItsTypeNullabilityAndDefault() {
        Map<String, Map<String, Object>> live = catalog.queryForList("""
                SELECT c.relname || '.' || a.attname AS name,
                       format_type(a.atttypid, a.atttypmod) AS type,
                       NOT a.attnotnull AS nullable,
                       pg_get_expr(d.adbin, d.adrelid) AS default_value
                FROM pg_attribute a
                JOIN pg_class c ON c.oid = a.attrelid
                JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
                LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
                WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind = 'r'
                """).stream().collect(Collectors.toMap(row -> (String) row.get("name"), row -> row));
        List<String> problems = new ArrayList<>();
        for (SeedSchema.Column column : SEED.columns()) {
            String name = column.table() + "." + column.name();
            Map<String, Object> actual = live.get(name);
            if (actual == null) {
                problems.add(name + " is missing");
                continue;
            }
            if (!column.type().equals(actual.get("type"))) {
                problems.add(name + " has type " + actual.get("type") + ", seed says " + column.type());
            }
            if (column.nullable() != (Boolean) actual.get("nullable")) {
                problems.add(name + (column.nullable() ? " must be nullable" : " must be NOT NULL"));
            }
            if (!java.util.Objects.equals(column.defaultValue(), actual.get("default_value"))) {
                problems.add(name + " has default " + actual.get("default_value") + ", seed says " + column.defaultValue());
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everySeedEnumIsACheckConstraintWithExactlyItsValues() {
        Map<String, List<String>> live = new java.util.HashMap<>();
        Pattern anyArray = Pattern.compile("\\(\\((\\w+) = ANY \\(ARRAY\\[(.*)\\]\\)\\)\\)");
        for (Map<String, Object> row : catalog.queryForList("""
                SELECT conrelid::regclass::text AS table_name, pg_get_constraintdef(oid) AS definition
                FROM pg_constraint WHERE contype = 'c' AND connamespace = 'public'::regnamespace
                """)) {
            Matcher matcher = anyArray.matcher((String) row.get("definition"));
            if (matcher.find()) {
                List<String> values = Arrays.stream(matcher.group(2).split(","))
                        .map(v -> v.trim().replaceAll("^'(.*)'::text$", "$1")).toList();
                live.put(row.get("table_name") + "." + matcher.group(1), values);
            }
        }
        List<String> problems = new ArrayList<>();
        for (SeedSchema.Enum seedEnum : SEED.enums()) {
            String name = seedEnum.table() + "." + seedEnum.column();
            List<String> values = live.get(name);
            if (values == null) {
                problems.add(name + " has no CHECK constraint listing its values");
            } else if (!values.equals(seedEnum.values())) {
                problems.add(name + " admits " + values + ", seed says " + seedEnum.values());
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everySeedRelationshipIsAForeignKey() {
        List<String> live = catalog.queryForList("""
                SELECT c.conrelid::regclass::text || '.' || a.attname || '->' || c.confrelid::regclass::text
                FROM pg_constraint c
                JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
                WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace
                """, String.class);
        List<String> missing = SEED.foreignKeys().stream()
                .map(fk -> fk.table() + "." + fk.column() + "->" + fk.referencedTable())
                .filter(fk -> !live.contains(fk)).toList();
        assertThat(missing).isEmpty();
    }

    @Test
    void theAuditLogHasNoKeyToOrganizations() {
        // Schema reference, AuditLog: "No FK to Organization" (V119): an entry outlives what it names.
        List<String> keys = catalog.queryForList("""
                SELECT c.confrelid::regclass::text FROM pg_constraint c
                WHERE c.contype = 'f' AND c.conrelid = 'audit_logs'::regclass
                """, String.class);
        assertThat(keys).containsExactly("users");
    }

    @Test
    void everySeedUniqueConstraintExistsOnExactlyItsColumns() {
        List<String> live = catalog.queryForList("""
                SELECT c.conrelid::regclass::text || ':' ||
                       string_agg(a.attname, ',' ORDER BY array_position(c.conkey, a.attnum))
                FROM pg_constraint c
                JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey)
                WHERE c.contype = 'u' AND c.connamespace = 'public'::regnamespace
                GROUP BY c.oid, c.conrelid
                """, String.class);
        List<String> missing = SEED.uniques().stream()
                .map(u -> u.table() + ":" + String.join(",", u.columns()))
                .filter(u -> !live.contains(u)).toList();
        assertThat(missing).isEmpty();
    }

    @Test
    void everySeedIndexExistsWithItsLeadingColumns() {
        List<String> live = catalog.queryForList("""
                SELECT t.relname || ':' || string_agg(a.attname, ',' ORDER BY k.ord)
                FROM pg_index i
                JOIN pg_class t ON t.oid = i.indrelid
                JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = 'public'
                CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
                JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
                GROUP BY i.indexrelid, t.relname
                """, String.class);
        List<String> missing = SEED.indexes().stream()
                .map(ix -> ix.table() + ":" + String.join(",", ix.columns()))
                .filter(ix -> live.stream().noneMatch(l -> l.equals(ix) || l.startsWith(ix + ","))).toList();
        assertThat(missing).isEmpty();
    }

    @Test
    void everyTenantTableCarriesAnOrganizationAndRowLevelSecurity() {
        // Every table with an organization_id column is protected by forced row-level security.
        List<String> unprotected = catalog.queryForList("""
                SELECT c.relname FROM pg_class c
                JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
                JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'organization_id' AND NOT a.attisdropped
                WHERE c.relkind = 'r' AND NOT (c.relrowsecurity AND c.relforcerowsecurity)
                """, String.class);
        assertThat(unprotected).isEmpty();
        // The seed's implicit tenant tables got an organization too.
        List<String> withOrganization = catalog.queryForList("""
                SELECT table_name FROM information_schema.columns
                WHERE table_schema = 'public' AND column_name = 'organization_id' AND is_nullable = 'NO'
                """, String.class);
        assertThat(withOrganization).contains("observations", "time_logs", "assessments", "patient_medications",
                "medication_adherence", "alerts", "enrollments", "patients", "clinicians", "care_programs",
                "tasks", "encounter_notes", "saved_views", "devices", "device_assignments", "scheduled_assessments");
    }

    @Test
    void everyForeignKeyHasADeliberateDeleteRule() {
        // 'a' = NO ACTION, PostgreSQL's silent default: every foreign key here names its behaviour.
        List<String> defaulted = catalog.queryForList("""
                SELECT conname FROM pg_constraint
                WHERE contype = 'f' AND connamespace = 'public'::regnamespace AND confdeltype = 'a'
                """, String.class);
        assertThat(defaulted).isEmpty();
    }
}
