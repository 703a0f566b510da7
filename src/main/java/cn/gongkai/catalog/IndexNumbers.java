package cn.gongkai.catalog;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * 索引号 {@code 前段码/后段码}: the agency's organisation code, a slash, the year and a 5-digit serial
 * ({@code 000014349/2026-00001}). Serials come from one atomic upsert per agency and year, so they are never reused
 * and two publications at the same moment never get the same number.
 */
@Component
class IndexNumbers {

    private final JdbcTemplate jdbc;

    IndexNumbers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    String next(Long agencyId, String organisationCode, int year) {
        Integer serial = jdbc.queryForObject("""
                insert into index_serial (agency_id, year, last_serial) values (?, ?, 1)
                on conflict (agency_id, year) do update set last_serial = index_serial.last_serial + 1
                returning last_serial""", Integer.class, agencyId, year);
        return format(organisationCode, year, serial);
    }

    static String format(String organisationCode, int year, int serial) {
        return organisationCode + "/" + year + "-" + String.format("%05d", serial);
    }
}
