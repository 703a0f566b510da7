package cn.gongkai.guide;

import cn.gongkai.org.ActingAs;
import cn.gongkai.org.Agency;
import cn.gongkai.org.OrgDirectory;
import cn.gongkai.org.StaffPrincipal;
import java.time.LocalDate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * Demo mode: the demo agency's guide, drafted by the office from the model text and the agency's contacts, approved by
 * the leader and published, through the real steps (on 5 January, as the yearly review would have it).
 */
@Component
@Order(15)
class DemoGuide implements ApplicationRunner {

    private final Guides guides;
    private final OrgDirectory org;
    private final UserDetailsService accounts;
    private final boolean demo;

    DemoGuide(Guides guides, OrgDirectory org, UserDetailsService accounts,
            @Value("${gongkai.demo:false}") boolean demo,
            @Value("${gongkai.demo-content:true}") boolean demoContent) {
        this.guides = guides;
        this.org = org;
        this.accounts = accounts;
        this.demo = demo && demoContent;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demo) {
            return;
        }
        StaffPrincipal office = ActingAs.principal(accounts, "office");
        if (!guides.all(office.agencyId()).isEmpty()) {
            return;
        }
        LocalDate january = LocalDate.of(LocalDate.now(cn.gongkai.worklist.Deadline.ZONE).getYear(), 1, 5);
        cn.gongkai.platform.PlatformClock.replayOn(january, () -> {
            ActingAs.run(accounts, "office", () -> guides.draft(office));
            Agency agency = org.agency(office.agencyId()).orElseThrow();
            GuideContent model = Guides.withContacts(GuideModel.of(agency), agency.getContacts());
            ActingAs.run(accounts, "office", () -> guides.edit(office, model));
            ActingAs.run(accounts, "office", () -> guides.submit(office));
            StaffPrincipal leader = ActingAs.principal(accounts, "leader");
            ActingAs.run(accounts, "leader", () -> guides.decide(leader, true, "同意发布"));
            return ActingAs.run(accounts, "office", () -> guides.publish(office));
        });
    }
}
