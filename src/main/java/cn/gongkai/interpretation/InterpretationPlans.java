package cn.gongkai.interpretation;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface InterpretationPlans extends JpaRepository<InterpretationPlan, Long> {

    Optional<InterpretationPlan> findByItemId(Long itemId);
}
