package cn.gongkai.org;

/** An administrator changed the agency's settings (name, organisation code, reminder window, index-number pattern). */
public record AgencyChanged(Long agencyId, String before, String after) {
}
