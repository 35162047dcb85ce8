package org.vigil.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which billing programs are RPM and which RTM, and that the two exclude each other. */
class RemoteMonitoringTest {

    @Test
    void theProgramTypeDecidesWhenItNamesAFamily() {
        assertThat(RemoteMonitoring.of("RPM", "X", List.of())).containsExactly(RemoteMonitoring.RPM);
        assertThat(RemoteMonitoring.of("rtm", "X", List.of())).containsExactly(RemoteMonitoring.RTM);
        assertThat(RemoteMonitoring.of("Remote Patient Monitoring", null, List.of())).containsExactly(RemoteMonitoring.RPM);
        assertThat(RemoteMonitoring.of("Remote therapeutic monitoring", null, List.of("99454")))
                .as("the type wins over CPT codes").containsExactly(RemoteMonitoring.RTM);
    }

    @Test
    void otherwiseTheCodeOrTheCptCodesDecide() {
        assertThat(RemoteMonitoring.of("MONITORING", "CMS_RPM_2025", List.of())).containsExactly(RemoteMonitoring.RPM);
        assertThat(RemoteMonitoring.of("MONITORING", "CMS-RTM-2026", List.of())).containsExactly(RemoteMonitoring.RTM);
        assertThat(RemoteMonitoring.of("CUSTOM", "ABC", List.of("99453", "99457"))).containsExactly(RemoteMonitoring.RPM);
        assertThat(RemoteMonitoring.of("CUSTOM", "ABC", List.of("98975", "98985"))).containsExactly(RemoteMonitoring.RTM);
        assertThat(RemoteMonitoring.of("CUSTOM", "ABC", List.of("99454", "98977")))
                .containsExactlyInAnyOrder(RemoteMonitoring.RPM, RemoteMonitoring.RTM);
    }

    @Test
    void careManagementProgramsAreNeither() {
        assertThat(RemoteMonitoring.of("CCM", "CMS_CCM_2025", List.of("99490", "99439", "99491"))).isEmpty();
        assertThat(RemoteMonitoring.of("APCM", "CMS_APCM", List.of("G0556"))).isEmpty();
        assertThat(RemoteMonitoring.of("RPMX", "TRPM", List.of())).as("only whole words count").isEmpty();
        assertThat(RemoteMonitoring.of(null, null, null)).isEmpty();
    }

    @Test
    void rpmAndRtmExcludeEachOtherButNotThemselves() {
        Set<RemoteMonitoring> rpm = EnumSet.of(RemoteMonitoring.RPM);
        Set<RemoteMonitoring> rtm = EnumSet.of(RemoteMonitoring.RTM);
        assertThat(RemoteMonitoring.exclusive(rpm, rtm)).isTrue();
        assertThat(RemoteMonitoring.exclusive(rtm, rpm)).isTrue();
        assertThat(RemoteMonitoring.exclusive(rpm, rpm)).isFalse();
        assertThat(RemoteMonitoring.exclusive(rpm, Set.of())).isFalse();
    }
}
