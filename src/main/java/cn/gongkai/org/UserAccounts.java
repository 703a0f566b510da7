package cn.gongkai.org;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface UserAccounts extends Repository<UserAccount, Long> {

    UserAccount save(UserAccount account);

    Optional<UserAccount> findByUsername(String username);

    Optional<UserAccount> findByIdAndAgencyId(Long id, Long agencyId);

    Optional<UserAccount> findById(Long id);

    List<UserAccount> findByAgencyIdOrderByDepartmentIdAscUsernameAsc(Long agencyId);

    boolean existsByUsername(String username);

    long count();

    List<UserAccount> findAll();

    @Query("select distinct u from UserAccount u join u.roles r where u.agencyId = ?1 and r = ?2 and u.enabled = true")
    List<UserAccount> findByAgencyAndRole(Long agencyId, Role role);
}
