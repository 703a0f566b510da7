package cn.gongkai.org;

import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.Repository;

interface Departments extends Repository<Department, Long> {

    Department save(Department department);

    Optional<Department> findByIdAndAgencyId(Long id, Long agencyId);

    List<Department> findByAgencyIdOrderBySortOrderAscIdAsc(Long agencyId);

    boolean existsByAgencyIdAndName(Long agencyId, String name);

    Optional<Department> findById(Long id);
}
