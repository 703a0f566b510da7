package cn.gongkai.request;

import java.util.List;
import org.springframework.data.repository.Repository;

interface RequestEvents extends Repository<RequestEvent, Long> {

    RequestEvent save(RequestEvent event);

    List<RequestEvent> findByRequestIdOrderById(Long requestId);
}
