package cn.gongkai.request;

import org.springframework.data.repository.Repository;

interface Consultations extends Repository<Consultation, Long> {

    Consultation save(Consultation consultation);
}
