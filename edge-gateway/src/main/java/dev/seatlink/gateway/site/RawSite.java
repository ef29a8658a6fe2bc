package dev.seatlink.gateway.site;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.seatlink.protocol.AgentState;
import java.util.List;
import java.util.Map;

/** The site-config file's raw shape as Jackson reads it, before {@link SiteRules} checks it and fills in defaults. */
final class RawSite {
    private RawSite() {
    }

    /** The file's raw shape, before the rules are checked and the defaults filled in. */
    record File(String site, String floor, String timeZone, List<String> shifts, List<String> reasons,
               Integer wrapUpSeconds, AgentState wrapUpThen, ThresholdsFile thresholds, List<String> managers,
               List<String> dutyManagers, List<String> quality, List<String> integrations, PhoneFile phone, List<TeamFile> teams, List<SeatFile> seats) {
    }

    record ThresholdsFile(Map<String, Integer> notReadySeconds, Integer wrapUpSeconds, Integer helpWaitSeconds,
               Integer offlineSeconds) {
    }

    record TeamFile(String id, String name, String leader, String businessLine, String customerTier,
               String skillTier, List<String> reasons, Integer wrapUpSeconds, AgentState wrapUpThen,
               Integer minReady, HelpRoute help, PhoneFile phone) {
    }

    record PhoneFile(Integer missedToNotReady, String signOut) {
    }

    record SeatFile(String seat, String team, String agent, String skill,
               @JsonProperty(required = true) int x, @JsonProperty(required = true) int y, List<String> acd) {
    }
}
