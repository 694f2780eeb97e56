// react-admin's own messages in Chinese: the public pack (ra-language-chinese, written for v3) plus
// every key react-admin 5 added since (a test compares the keys with ra-language-english).
import chinese from 'ra-language-chinese';

const added = {
  ra: {
    action: {
      clear_array_input: '清空列表',
      create_item: '新建%{item}',
      remove_all_filters: '清除所有筛选',
      reset: '重置',
      search_columns: '搜索列',
      select_all: '全选',
      select_all_button: '全选',
      select_row: '选择此行',
      update: '更新',
      move_up: '上移',
      move_down: '下移',
      open: '打开',
      toggle_theme: '切换明暗主题',
      select_columns: '显示列',
      update_application: '重新加载应用',
    },
    // Records are titled by their name (户主 · 户编号), never `#92` (issue #17 item 3).
    page: {
      access_denied: '无权访问',
      authentication_error: '认证错误',
      show: '%{name}：%{recordRepresentation}',
      edit: '修改%{name}：%{recordRepresentation}',
      list: '%{name}',
      loading: '正在加载…',
    },
    message: {
      access_denied: '您没有访问此页面的权限',
      authentication_error: '认证服务器返回错误，无法验证您的凭据。',
      auth_error: '验证登录凭据时出错。',
      bulk_update_content:
        '确定要更新%{name} %{recordRepresentation}吗？ |||| 确定要更新这%{smart_count}项吗？',
      bulk_update_title: '更新%{name} %{recordRepresentation} |||| 更新%{smart_count}项%{name}',
      clear_array_input: '确定要清空整个列表吗？',
      details: '详情',
      select_all_limit_reached: '数据过多，无法全部选中，仅选中了前%{max}项。',
      placeholder_data_warning: '网络问题：数据刷新失败。',
    },
    navigation: {
      clear_filters: '清除筛选',
      no_filtered_results: '按当前筛选条件未找到%{name}。',
      partial_page_range_info: '第%{offsetBegin}-%{offsetEnd}条，共超过%{offsetEnd}条',
      current_page: '第%{page}页',
      page: '转到第%{page}页',
      first: '转到第一页',
      last: '转到最后一页',
      previous: '转到上一页',
    },
    auth: { email: '电子邮箱' },
    notification: {
      not_authorized: '您无权访问此资源。',
      application_update_available: '有新版本可用。',
      offline: '网络未连接，无法获取数据。',
      // ra-language-chinese has a half-width full stop here: 「表单输入无效. 请检查错误提示」
      invalid_form: '表单输入无效，请检查错误提示。',
    },
    validation: { unique: '必须唯一' },
    saved_queries: {
      label: '已保存的查询',
      query_name: '查询名称',
      new_label: '保存当前查询…',
      new_dialog_title: '将当前查询保存为',
      remove_label: '删除已保存的查询',
      remove_label_with_name: '删除查询“%{name}”',
      remove_dialog_title: '删除已保存的查询？',
      remove_message: '确定要从已保存的查询中删除此项吗？',
      help: '筛选列表并保存此查询以备后用',
    },
    guesser: { empty: { title: '没有可显示的数据', message: '请检查数据提供程序' } },
    configurable: {
      customize: '自定义',
      configureMode: '配置此页面',
      inspector: {
        title: '检查器',
        content: '将鼠标悬停在界面元素上进行配置',
        reset: '重置设置',
        hideAll: '全部隐藏',
        showAll: '全部显示',
      },
      Datagrid: { title: '数据表格', unlabeled: '未命名列 #%{column}' },
      SimpleForm: { title: '表单', unlabeled: '未命名输入 #%{input}' },
      SimpleList: {
        title: '列表',
        primaryText: '主要文本',
        secondaryText: '次要文本',
        tertiaryText: '第三行文本',
      },
    },
  },
};

type Messages = { [key: string]: string | Messages };

/** Deep merge: `b` wins. */
export function merge(a: Messages, b: Messages): Messages {
  const out: Messages = { ...a };
  for (const [k, v] of Object.entries(b)) {
    out[k] = typeof v === 'object' && typeof a[k] === 'object' ? merge(a[k] as Messages, v) : v;
  }
  return out;
}

export const raChinese: Messages = merge(chinese as Messages, added);
