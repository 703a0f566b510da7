package cn.gongkai.coordination;

import java.util.Optional;
import org.springframework.data.repository.Repository;

interface CoordinationScans extends Repository<CoordinationScan, Long> {

    CoordinationScan save(CoordinationScan scan);

    Optional<CoordinationScan> findById(Long coordinationId);

    boolean existsById(Long coordinationId);
}
