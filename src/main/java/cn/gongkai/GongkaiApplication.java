package cn.gongkai;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;

/** Gongkai 政务公开工作平台: the disclosure workbench and the public portal on one server. */
@SpringBootApplication
@Modulithic(systemName = "Gongkai")
public class GongkaiApplication {

    public static void main(String[] args) {
        SpringApplication.run(GongkaiApplication.class, args);
    }
}
