package cn.gongkai.document;

import java.util.List;
import org.springframework.data.repository.Repository;

interface SecrecyDeterminations extends Repository<SecrecyDetermination, Long> {

    SecrecyDetermination save(SecrecyDetermination d);

    List<SecrecyDetermination> findByItemIdOrderById(Long itemId);

    java.util.Optional<SecrecyDetermination> findById(Long id);

    List<SecrecyDetermination> findByBureauAgencyIdOrderByIdDesc(Long bureauAgencyId);
}
