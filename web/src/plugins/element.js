// Registers only the Element Plus components the UI uses, so the bundle stays small. Add a
// component here, and its style to element-styles.js, before using it in a template.
// (Styles live apart so that unit tests, which run in Node, can register components.)
import {
  ElAlert, ElAside, ElBreadcrumb, ElBreadcrumbItem, ElButton, ElCard, ElCol, ElConfigProvider,
  ElContainer, ElDescriptions, ElDescriptionsItem, ElForm, ElFormItem, ElHeader,
  ElIcon, ElInput, ElLoading, ElMain, ElMenu, ElMenuItem, ElOption, ElPagination, ElResult,
  ElRow, ElSelect, ElSkeleton, ElSkeletonItem, ElTable, ElTableColumn, ElTag,
} from 'element-plus'

const components = [
  ElAlert, ElAside, ElBreadcrumb, ElBreadcrumbItem, ElButton, ElCard, ElCol, ElConfigProvider,
  ElContainer, ElDescriptions, ElDescriptionsItem, ElForm, ElFormItem, ElHeader,
  ElIcon, ElInput, ElMain, ElMenu, ElMenuItem, ElOption, ElPagination, ElResult, ElRow,
  ElSelect, ElSkeleton, ElSkeletonItem, ElTable, ElTableColumn, ElTag,
]

export default {
  install(app) {
    for (const component of components) app.use(component)
    app.use(ElLoading)
  },
}
