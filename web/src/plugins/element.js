// Registers only the Element Plus components the UI uses, so the bundle stays small. Add a
// component here, and its style to element-styles.js, before using it in a template.
// (Styles live apart so that unit tests, which run in Node, can register components.)
// ElMessage and ElMessageBox are imported where they are called; their styles are here too.
import {
  ElAlert, ElAside, ElBreadcrumb, ElBreadcrumbItem, ElButton, ElCard, ElCheckbox, ElCheckboxGroup,
  ElCol, ElConfigProvider, ElContainer, ElDescriptions, ElDescriptionsItem, ElDialog, ElDrawer, ElEmpty,
  ElForm, ElFormItem, ElHeader, ElIcon, ElInput, ElInputNumber, ElLoading, ElMain, ElMenu, ElMenuItem, ElOption,
  ElPagination, ElProgress, ElRadio, ElRadioButton, ElRadioGroup, ElResult, ElRow, ElSelect, ElSkeleton,
  ElSkeletonItem, ElSlider, ElSwitch, ElTable, ElTableColumn, ElTabPane, ElTabs, ElTag, ElTimeline, ElTimelineItem,
} from 'element-plus'

const components = [
  ElAlert, ElAside, ElBreadcrumb, ElBreadcrumbItem, ElButton, ElCard, ElCheckbox, ElCheckboxGroup,
  ElCol, ElConfigProvider, ElContainer, ElDescriptions, ElDescriptionsItem, ElDialog, ElDrawer, ElEmpty,
  ElForm, ElFormItem, ElHeader, ElIcon, ElInput, ElInputNumber, ElMain, ElMenu, ElMenuItem, ElOption,
  ElPagination, ElProgress, ElRadio, ElRadioButton, ElRadioGroup, ElResult, ElRow, ElSelect, ElSkeleton,
  ElSkeletonItem, ElSlider, ElSwitch, ElTable, ElTableColumn, ElTabPane, ElTabs, ElTag, ElTimeline, ElTimelineItem,
]

export default {
  install(app) {
    for (const component of components) app.use(component)
    app.use(ElLoading)
  },
}
