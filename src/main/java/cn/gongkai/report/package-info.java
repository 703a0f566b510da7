/**
 * The annual report (政府信息公开工作年度报告, Regulations Art. 49–50, 2021 template) and the statistics dashboard:
 * tables 二, 三 and 四 computed from the catalog, the requests and their reviews and lawsuits, the check
 * 一 + 二 = （七）总计 + 四, leader approval, publication on the portal (HTML, DOCX, PDF), and the workbench charts.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Annual report and statistics")
package cn.gongkai.report;
