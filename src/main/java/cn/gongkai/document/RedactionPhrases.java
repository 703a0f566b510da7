package cn.gongkai.document;

import java.util.List;
import org.springframework.data.repository.Repository;

interface RedactionPhrases extends Repository<RedactionPhrase, Long> {

    RedactionPhrase save(RedactionPhrase phrase);

    List<RedactionPhrase> findByItemIdAndVersionOrderById(Long itemId, int version);
}
