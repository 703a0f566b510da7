package cn.gongkai.org;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * How people are shown: by name and department, e.g. 张三（综合规划科）, never by login name. Records keep the login
 * name they stored; a page resolves it here when it shows it. The applicant (actor {@code applicant}) shows as 申请人,
 * scheduled work (actor {@code system}) as 系统; a name that is no account shows as stored.
 */
public final class StaffNames {

    /** The actor recorded for what an applicant did on the portal. */
    public static final String APPLICANT = "applicant";
    /** The actor recorded for what the platform did by itself. */
    public static final String SYSTEM = "system";
    /** The actor recorded for what a member of the public did on the portal other than a request (网民留言). */
    public static final String CITIZEN = "citizen";

    /** Name and department of one account. */
    public record Person(String username, String displayName, String department) {
    }

    private final Map<String, Optional<Person>> known = new HashMap<>();
    private final Function<String, Optional<Person>> lookup;
    private final String labelPattern;
    private final String applicant;
    private final String system;
    private final String citizen;

    StaffNames(Map<String, Person> preloaded, Function<String, Optional<Person>> lookup, String labelPattern,
            String applicant, String system, String citizen) {
        this.citizen = citizen;
        preloaded.forEach((username, person) -> known.put(username, Optional.of(person)));
        this.lookup = lookup;
        this.labelPattern = labelPattern;
        this.applicant = applicant;
        this.system = system;
    }

    /** The account behind a login name, if there is one. */
    public Optional<Person> person(String username) {
        if (username == null || username.isBlank()) {
            return Optional.empty();
        }
        return known.computeIfAbsent(username, lookup);
    }

    /** 张三（综合规划科）; 申请人; 系统; or what was stored when it is no account. */
    public String of(String username) {
        if (APPLICANT.equals(username)) {
            return applicant;
        }
        if (SYSTEM.equals(username)) {
            return system;
        }
        if (CITIZEN.equals(username)) {
            return citizen;
        }
        return person(username).map(p -> p.department() == null ? p.displayName()
                : labelPattern.replace("{0}", p.displayName()).replace("{1}", p.department())).orElse(username);
    }

    /**
     * Like {@link #of(String)}, for a record that also kept the person's name when it was made: that name when the
     * login name is no longer an account.
     */
    public String of(String username, String storedName) {
        if (person(username).isEmpty() && storedName != null && !storedName.isBlank()) {
            return storedName;
        }
        return of(username);
    }

    /** The person's name alone (张三), or {@link #of} for the applicant, the system and unknown names. */
    public String name(String username) {
        return person(username).map(Person::displayName).orElseGet(() -> of(username));
    }

    /** The person's department, or an empty string. */
    public String department(String username) {
        return person(username).map(Person::department).orElse("");
    }
}
