package cn.gongkai.document;

import java.util.List;
import org.springframework.data.repository.Repository;

interface ReviewDecisions extends Repository<ReviewDecision, Long> {

    ReviewDecision save(ReviewDecision decision);

    List<ReviewDecision> findByItemIdOrderById(Long itemId);
}
