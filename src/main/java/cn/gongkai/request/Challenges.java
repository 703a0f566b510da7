package cn.gongkai.request;

import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.Repository;

interface Challenges extends Repository<Challenge, Long> {

    Challenge save(Challenge challenge);

    List<Challenge> findByRequestIdOrderById(Long requestId);

    java.util.Optional<Challenge> findByIdAndRequestId(Long id, Long requestId);
}
