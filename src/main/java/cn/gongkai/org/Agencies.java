package cn.gongkai.org;

import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.Repository;

interface Agencies extends Repository<Agency, Long> {

    Agency save(Agency agency);

    Optional<Agency> findById(Long id);

    Optional<Agency> findByCode(String code);

    List<Agency> findAllByOrderById();

    long count();
}
