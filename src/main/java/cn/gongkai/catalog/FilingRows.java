package cn.gongkai.catalog;

import java.util.List;
import org.springframework.data.repository.Repository;

interface FilingRows extends Repository<FilingRow, Long> {

    FilingRow save(FilingRow row);

    List<FilingRow> findByFilingIdOrderById(Long filingId);
}
