package cn.gongkai.calendar;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.Repository;

interface SpecialDays extends Repository<SpecialDay, LocalDate> {

    SpecialDay save(SpecialDay day);

    Optional<SpecialDay> findById(LocalDate date);

    void delete(SpecialDay day);

    List<SpecialDay> findAll();

    long count();
}
