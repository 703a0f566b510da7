/**
 * Policy interpretation in step with the policy (政策解读"三同步"): which genres need an interpretation plan (解读方案),
 * the plan that travels the review chain with its policy (三同步 二、三、四), and the clock of each published policy's
 * interpretation, due 10 working days after the policy (三同步 五). The interpretation materials themselves are items
 * of the document module, linked to their policy; the catalog keeps the public link.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Policy interpretation")
package cn.gongkai.interpretation;
