package org.vigil.library.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConditionWriterTest {

    private static final String EVERY_NODE = """
            {"all":[
              {"any":[
                {"type":"threshold","metric":"bp_systolic","op":"gte","value":{"override":"sbp_high","default":180},"label":"hypertensive crisis"},
                {"type":"threshold","metric":"bp_diastolic","op":"gte","value":120,"window":{"hours":24}}
              ]},
              {"type":"range","metric":"heart_rate","mode":"outside","min":50,"max":120.5,"window":{"days":1}},
              {"type":"aggregate","metric":"glucose","fn":"avg","window":{"days":7},"op":"gt","value":180,"minReadings":4},
              {"type":"aggregate","metric":"glucose","fn":"count","window":{"hours":24},"op":"lt","value":1},
              {"type":"aggregate","metric":"glucose","fn":"max","window":{"lastReadings":3},"op":"gt","value":250},
              {"type":"trend","metric":"peak_flow","window":{"days":7},"change":"percent","direction":"fall","op":"gte","value":20},
              {"type":"trend","metric":"body_weight","window":{"lastReadings":3},"change":"absolute","direction":"either","op":"gte","value":2.5},
              {"type":"trend","metric":"pain_nrs","window":{"hours":72},"change":"absolute","direction":"rise","op":"gte","value":3,"minReadings":3},
              {"type":"consecutive","metric":"pain_nrs","count":3,"op":"gte","value":8,"window":{"days":3}},
              {"type":"missing_data","metric":"bp_systolic","window":{"days":3},"label":"no blood pressure"},
              {"type":"assessment_score","template":"phq9","op":"gte","value":20,"window":{"days":30}},
              {"type":"assessment_item","template":"phq9","item":"phq9_item9","op":"gt","value":0},
              {"type":"adherence","window":{"days":30},"measure":"adherence_percent","op":"lt","value":80},
              {"type":"adherence","window":{"days":7},"measure":"missed_doses","op":"gte","value":{"override":"missed_max","default":2}}
            ]}""";

    @Test
    void roundTripOfEveryNodeKind() {
        Condition parsed = ConditionParser.parse(EVERY_NODE);
        String written = ConditionWriter.toJson(parsed);
        assertThat(ConditionParser.parse(written)).isEqualTo(parsed);
        assertThat(written).isEqualTo(EVERY_NODE.strip().replaceAll("\\s*([\\[\\]{},:])\\s*", "$1"));
    }

    @Test
    void roundTripThroughTheTreeToo() {
        Condition parsed = ConditionParser.parse(EVERY_NODE);
        assertThat(ConditionParser.parse(ConditionWriter.write(parsed))).isEqualTo(parsed);
    }
}
