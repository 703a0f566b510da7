package cn.gongkai.document;

import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.Repository;

interface Attachments extends Repository<Attachment, Long> {

    Attachment save(Attachment attachment);

    List<Attachment> findByItemIdOrderById(Long itemId);

    Optional<Attachment> findByIdAndItemId(Long id, Long itemId);

    void delete(Attachment attachment);
}
