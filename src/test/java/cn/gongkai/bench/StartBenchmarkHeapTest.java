package cn.gongkai.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The start benchmark reports the heap whatever collector the application runs with. */
class StartBenchmarkHeapTest {

    @Test
    void theHeapIsReadFromG1sLine() {
        String g1 = """
                 garbage-first heap   total reserved 6172672K, committed 262144K, used 150016K [0x0000000681c00000, 0x0000000800000000)
                  region size 2048K, 43 young (88064K), 3 survivors (6144K)
                """;
        assertThat(StartBenchmark.heap(g1)).containsExactly(262144L, 150016L);
    }

    @Test
    void theSerialCollectorsGenerationsAreAddedUp() {
        String serial = """
                DefNew     total 116160K, used 31025K [0x0000000687400000, 0x000000068f200000, 0x0000000704d50000)
                 eden space 103296K,  30% used [0x0000000687400000, 0x000000068924c528, 0x000000068d8e0000)
                 from space 12864K,   0% used [0x000000068d8e0000, 0x000000068d8e0000, 0x000000068e570000)
                Tenured    total 258048K, used 1166K [0x0000000704d50000, 0x0000000714950000, 0x0000000800000000)
                 the  space 258048K,   0% used [0x0000000704d50000, 0x0000000704e73ab8, 0x0000000714950000)
                """;
        assertThat(StartBenchmark.heap(serial)).containsExactly(116160L + 258048L, 31025L + 1166L);
    }

    @Test
    void anUnknownFormatIsReportedAsUnknown() {
        assertThat(StartBenchmark.heap("no heap here")).containsExactly(-1L, -1L);
    }
}
