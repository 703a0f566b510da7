package cn.gongkai.signin;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface SecondFactors extends Repository<SecondFactor, Long> {

    SecondFactor save(SecondFactor factor);

    Optional<SecondFactor> findById(Long userId);

    boolean existsById(Long userId);

    @Modifying
    @Query("delete from SecondFactor f where f.userId = ?1")
    int deleteByUser(Long userId);
}
