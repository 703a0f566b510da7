package cn.gongkai.document;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Each agency's review chain, kept in {@code review_chain}; the default when an agency has none. */
@Component
class ReviewChains {

    private final JdbcTemplate jdbc;

    ReviewChains(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    ReviewChain of(Long agencyId) {
        return jdbc.query("select steps from review_chain where agency_id = ?", rs -> rs.next()
                ? ReviewChain.parse(rs.getString(1)) : ReviewChain.DEFAULT, agencyId);
    }

    void set(Long agencyId, ReviewChain chain) {
        jdbc.update("insert into review_chain (agency_id, steps) values (?, ?) "
                + "on conflict (agency_id) do update set steps = excluded.steps", agencyId, chain.format());
    }
}
