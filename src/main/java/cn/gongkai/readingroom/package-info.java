/**
 * The reading room and the counter (公共查阅室, 工作职责 五.3): the office records each visit or telephone enquiry
 * (what was sought, what was given, pages printed), searches the catalog for the visitor and prints an item or a
 * catalog extract; the visits feed a small statistic on the dashboard.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Reading room")
package cn.gongkai.readingroom;
