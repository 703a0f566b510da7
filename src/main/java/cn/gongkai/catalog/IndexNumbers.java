package cn.gongkai.catalog;

import cn.gongkai.org.IndexNumberPattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * 索引号 in the agency's pattern (default {@code {code}/{year}-{serial:5}}, e.g. {@code 000014349/2026-00001}).
 * Serials come from one atomic upsert per agency and year, so they are never reused and two publications at the same
 * moment never get the same number. A changed pattern numbers only what is published afterwards; should a number in
 * the new pattern happen to equal one an earlier pattern gave, that serial is spent and the next one taken.
 */
@Component
class IndexNumbers {

    private final JdbcTemplate jdbc;

    IndexNumbers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    String next(Long agencyId, IndexNumberPattern pattern, String organisationCode, int year) {
        while (true) {
            Integer serial = jdbc.queryForObject("""
                    insert into index_serial (agency_id, year, last_serial) values (?, ?, 1)
                    on conflict (agency_id, year) do update set last_serial = index_serial.last_serial + 1
                    returning last_serial""", Integer.class, agencyId, year);
            String number = pattern.format(organisationCode, year, serial);
            if (!Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from catalog_entry "
                    + "where agency_id = ? and index_number = ?)", Boolean.class, agencyId, number))) {
                return number;
            }
        }
    }
}
