package cn.gongkai.platform;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.support.GongkaiAppTest;
import jakarta.persistence.EntityManager;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.query.DeclaredQuery;
import org.springframework.data.jpa.repository.query.QueryEnhancer;
import org.springframework.data.jpa.repository.query.QueryEnhancer.QueryRewriteInformation;
import org.springframework.data.repository.query.ReturnedType;
import org.springframework.data.repository.core.support.RepositoryFactoryInformation;
import org.springframework.data.projection.SpelAwareProxyProjectionFactory;
import org.springframework.transaction.annotation.Transactional;

/**
 * The declared queries ({@code @Query}) are rewritten by Spring Data's regular-expression enhancer, not its HQL
 * grammar ({@link RepositoriesConfiguration}). Wherever Spring Data rewrites one (a page needs a count query, a
 * {@code Pageable} or {@code Sort} argument adds an order), the rewritten query must still be one Hibernate accepts.
 */
@GongkaiAppTest
class DeclaredQueriesTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    EntityManager entityManager;

    @Test
    @Transactional(readOnly = true)
    void everyDeclaredQueryThatIsPagedOrSortedStillMakesValidQueriesWhenRewritten() {
        List<String> checked = new ArrayList<>();
        // Every repository bean, not one per domain type: two repositories may serve the same entity.
        for (RepositoryFactoryInformation<?, ?> factory : context.getBeansOfType(RepositoryFactoryInformation.class)
                .values()) {
            Class<?> repository = factory.getRepositoryInformation().getRepositoryInterface();
            Class<?> domainType = factory.getRepositoryInformation().getDomainType();
            for (Method method : repository.getDeclaredMethods()) {
                Query query = method.getAnnotation(Query.class);
                if (query == null || query.nativeQuery()) {
                    continue;
                }
                DeclaredQuery declared = DeclaredQuery.jpqlQuery(query.value());
                QueryEnhancer enhancer = new RepositoriesConfiguration.RegexEnhancer().select(declared).create(declared);
                boolean paged = Page.class.isAssignableFrom(method.getReturnType())
                        || Slice.class.isAssignableFrom(method.getReturnType());
                boolean sorted = List.of(method.getParameterTypes()).stream()
                        .anyMatch(type -> Pageable.class.isAssignableFrom(type) || Sort.class.isAssignableFrom(type));
                if (paged) {
                    String count = query.countQuery().isEmpty() ? enhancer.createCountQueryFor(null) : query.countQuery();
                    entityManager.createQuery(count);
                    checked.add(repository.getSimpleName() + "." + method.getName() + " count");
                }
                if (sorted) {
                    String rewritten = enhancer.rewrite(sortedBy(domainType, Sort.by(Sort.Order.desc("id"))));
                    assertThat(rewritten).as(method.toString()).containsIgnoringCase("order by");
                    entityManager.createQuery(rewritten);
                    checked.add(repository.getSimpleName() + "." + method.getName() + " sort");
                }
            }
        }
        // The reading room's latest visits are read a page at a time; the check must have found them.
        assertThat(checked).contains("Visits.latest sort");
    }

    private static QueryRewriteInformation sortedBy(Class<?> domainType, Sort sort) {
        ReturnedType returned = ReturnedType.of(domainType, domainType, new SpelAwareProxyProjectionFactory());
        return new QueryRewriteInformation() {
            @Override
            public Sort getSort() {
                return sort;
            }

            @Override
            public ReturnedType getReturnedType() {
                return returned;
            }
        };
    }
}
