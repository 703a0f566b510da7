package cn.gongkai.signin;

import java.util.List;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface RecoveryCodes extends Repository<RecoveryCode, Long> {

    RecoveryCode save(RecoveryCode code);

    List<RecoveryCode> findByUserId(Long userId);

    @Modifying
    @Query("delete from RecoveryCode c where c.userId = ?1")
    int deleteByUser(Long userId);
}
