package cn.gongkai.org;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.support.GongkaiAppTest;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every public page reads the portal's agency and its departments, so the directory keeps them in memory; whoever
 * changes them, readers see the change as soon as it is committed, and never a change that was not.
 */
@GongkaiAppTest
class OrgDirectoryCacheTest {

    @Autowired ApplicationContext context;
    @Autowired OrgDirectory directory;
    @Autowired Administration administration;
    @Autowired PlatformTransactionManager transactions;

    @Test
    void aNewOrRenamedDepartmentIsListedAtOnce() {
        TestAgency agency = TestAgency.create(context, "缓存测试局");
        Long first = agency.department("综合科");
        assertThat(directory.departmentNames(agency.id())).containsOnly(java.util.Map.entry(first, "综合科"));
        Long second = agency.department("法规科");
        assertThat(directory.departmentNames(agency.id())).containsKeys(first, second);

        DepartmentForm form = new DepartmentForm();
        form.setName("政策法规科");
        administration.updateDepartment(agency.id(), second, form);
        assertThat(directory.departmentNames(agency.id())).containsEntry(second, "政策法规科");
    }

    @Test
    void aNewAgencyIsFoundByItsCodeAtOnce() {
        assertThat(directory.portalAgency()).isPresent();
        TestAgency agency = TestAgency.create(context, "新设机关");
        assertThat(directory.portalAgency(agency.code())).get().extracting(Agency::getId).isEqualTo(agency.id());
    }

    @Test
    void aChangeIsUnseenUntilItsTransactionCommitsAndNeverSeenWhenItRollsBack() throws Exception {
        TestAgency agency = TestAgency.create(context, "回滚测试局");
        Long id = agency.department("办公室");
        assertThat(directory.departmentNames(agency.id())).containsEntry(id, "办公室");
        TransactionTemplate tx = new TransactionTemplate(transactions);
        tx.executeWithoutResult(status -> {
            DepartmentForm form = new DepartmentForm();
            form.setName("未提交的名称");
            administration.updateDepartment(agency.id(), id, form);
            // Flushed in this transaction; another reader meanwhile sees the committed name, and keeps nothing.
            status.flush();
            assertThat(CompletableFuture.supplyAsync(() -> directory.departmentNames(agency.id()).get(id)).join())
                    .isEqualTo("办公室");
            status.setRollbackOnly();
        });
        assertThat(directory.departmentNames(agency.id())).containsEntry(id, "办公室");
    }
}
